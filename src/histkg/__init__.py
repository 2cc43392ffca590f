"""histkg: historical articles in, a cited and SHACL-validated RDF knowledge graph out."""

__version__ = "0.1.0"
