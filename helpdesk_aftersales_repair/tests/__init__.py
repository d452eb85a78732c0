from . import (, test_portal
    test_access,
    test_helpdesk_repair,
    test_performance,
    test_rpc,
    test_tour,
    test_translations,
)
