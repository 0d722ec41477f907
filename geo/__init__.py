"""Events: the model, article reading, extraction, zones, spatial analysis and GIS I/O."""
