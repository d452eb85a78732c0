from . import (
    test_helpdesk_aftersales,
    test_performance,
    test_portal,
    test_tour,
    test_translations,
)
