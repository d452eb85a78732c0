from . import (
    test_boundaries,
    test_close_when_done,
    test_document_paths,
    test_helpdesk_aftersales,
    test_mail_intake,
    test_performance,
    test_portal,
    test_tour,
    test_translations,
)
