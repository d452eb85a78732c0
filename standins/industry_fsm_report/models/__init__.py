from . import worksheet
