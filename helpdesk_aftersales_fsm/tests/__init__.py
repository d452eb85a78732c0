from . import test_fsm
