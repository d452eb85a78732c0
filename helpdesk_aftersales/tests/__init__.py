from . import (
    test_close_when_done,
    test_helpdesk_aftersales,
    test_performance,
    test_portal,
    test_tour,
    test_translations,
)
