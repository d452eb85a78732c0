from . import test_fsm, test_translations
