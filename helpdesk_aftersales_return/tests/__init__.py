from . import (
    test_access,
    test_close_when_done,
    test_helpdesk_stock_return,
    test_loop_notify,
    test_performance,
    test_portal,
    test_portal_languages,
    test_portal_return_request,
    test_return_reasons,
    test_rpc,
    test_tour,
    test_translations,
)
