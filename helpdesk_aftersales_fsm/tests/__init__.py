from . import (
    test_access,
    test_fsm,
    test_performance,
    test_portal,
    test_rpc,
    test_tour,
    test_translations,
)
