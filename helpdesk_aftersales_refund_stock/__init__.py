from . import wizard
