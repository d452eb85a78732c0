from . import (
    test_access,
    test_close_when_done,
    test_helpdesk_repair,
    test_performance,
    test_portal,
    test_repair_loop,
    test_rpc,
    test_tour,
    test_translations,
)
