"""Stable element ids for Folium maps, so the same inputs give byte-identical HTML.

Folium names every element ``<kind>_<uuid4 hex>``; the ids end up as JavaScript variable
names and HTML ids, so two renders of the same map differ everywhere and outputs cannot be
diffed in version control. :func:`stable_ids` renumbers the elements in tree order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from branca.element import Element

__all__ = ["stable_ids"]


def stable_ids(root: Element) -> int:
    """Give ``root`` and every element below it an id from its position in the tree.

    Ids are 32 hex digits, like Folium's own, so templates and plugins that expect them keep
    working. Returns the number of elements renamed.

    Examples
    --------
    >>> import folium
    >>> m = folium.Map()
    >>> stable_ids(m.get_root()) >= 2
    True
    >>> m.get_name()
    'map_00000000000000000000000000000001'
    """
    from branca.element import Element as El

    order: list[Element] = []
    old_names: dict[int, str] = {}
    todo = [root]
    while todo:
        element = todo.pop(0)
        if id(element) in old_names:
            continue
        old_names[id(element)] = element.get_name()
        order.append(element)
        todo.extend(getattr(element, "_children", {}).values())
        # Popups and figures keep their header/html/script parts as attributes, not children.
        todo.extend(
            v for k, v in sorted(vars(element).items()) if k != "_parent" and isinstance(v, El)
        )
    for n, element in enumerate(order):
        element._id = f"{n:032x}"  # folium's own attribute: get_name() = name + "_" + _id
    renamed = {old_names[id(e)]: e.get_name() for e in order}
    for element in order:
        # GroupedLayerControl keeps its layers' JS names from when it was made: follow them.
        grouped = getattr(element, "grouped_overlays", None)
        if isinstance(grouped, dict):
            element.grouped_overlays = {  # type: ignore[attr-defined]
                group: {label: renamed.get(name, name) for label, name in layers.items()}
                for group, layers in grouped.items()
            }
        untoggle = getattr(element, "layers_untoggle", None)
        if isinstance(untoggle, set):
            element.layers_untoggle = {renamed.get(n, n) for n in untoggle}  # type: ignore[attr-defined]
    for element in order:
        # Templates use the child's key as a JS variable name: re-key the default names,
        # keep names given on purpose (e.g. add_child(x, name="kclmap_css")).
        children = getattr(element, "_children", None)
        if children:
            element._children = type(children)(
                (child.get_name() if key == old_names.get(id(child)) else key, child)
                for key, child in children.items()
            )
    return len(order)
