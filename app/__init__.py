"""Cercle: run peer-group sessions (co-development, practice analysis) on one shared screen."""
