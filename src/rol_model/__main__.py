"""``python -m rol_model`` runs the ``rol`` command."""

from rol_model.cli import run

run()
