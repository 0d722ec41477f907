"""Open every layer of a GeoPackage in real QGIS, headless; print one JSON report on stdout.

Run by Debian's python3 (which has ``qgis``), not by kclmap's venv: ``python3 qgis_probe.py
FILE.gpkg``. For each layer: whether it is valid, the messages QGIS logged while loading it,
the style it got, how many features its renderer gives a symbol, and the painted pixels.
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsRenderContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

app = QgsApplication([], False)
app.initQgis()
messages = []
QgsApplication.messageLog().messageReceived.connect(
    lambda msg, tag, level: messages.append({"tag": tag, "level": int(level), "message": msg})
)
path = sys.argv[1]
import sqlite3  # noqa: E402

con = sqlite3.connect(path)
names = [
    r[0]
    for r in con.execute(
        "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name"
    )
]
con.close()
report = {"qgis": Qgis.QGIS_VERSION, "layers": {}}
for name in names:
    start = len(messages)
    layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    app.processEvents()
    entry = {"valid": layer.isValid(), "features": layer.featureCount()}
    renderer = layer.renderer()
    entry["renderer"] = renderer.type() if renderer else None
    ctx = QgsRenderContext()
    symbols = 0
    if renderer is not None:
        renderer.startRender(ctx, layer.fields())
        for feature in layer.getFeatures():
            ctx.expressionContext().setFeature(feature)
            if renderer.symbolsForFeature(feature, ctx):
                symbols += 1
        renderer.stopRender(ctx)
    entry["symbols"] = symbols
    defined = []
    for symbol in renderer.symbols(ctx) if renderer is not None else []:
        for symbol_layer in symbol.symbolLayers():
            props = symbol_layer.dataDefinedProperties()
            for key in props.propertyKeys():
                prop = props.property(key)
                if prop.isActive():
                    defined.append(prop.expressionString())
    entry["data_defined"] = sorted(set(defined))
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setExtent(layer.extent().buffered(0.05))
    settings.setOutputSize(QSize(300, 300))
    settings.setBackgroundColor(QColor(255, 255, 255, 0))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    painted = 0
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            if QColor(image.pixel(x, y)).alpha() > 0 and image.pixelColor(x, y).alpha() > 0:
                painted += 1
    entry["painted_pixels"] = painted
    entry["messages"] = messages[start:]
    report["layers"][name] = entry
report["messages"] = messages
print(json.dumps(report), flush=True)
# exitQgis() can crash on teardown when headless; the report is out, so leave at once.
os._exit(0)
