"""Rendering: Folium HTML maps, static images, snippets and reports."""
