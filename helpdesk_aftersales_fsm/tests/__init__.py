from . import test_access, test_fsm, test_performance, test_rpc, test_tour, test_translations, test_portal
