from . import (
    test_access,
    test_close_when_done,
    test_credit_partially,
    test_notify,
    test_performance,
    test_portal,
    test_refund,
    test_rpc,
    test_tour,
    test_translations,
)
