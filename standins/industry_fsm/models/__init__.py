from . import project
