from . import test_helpdesk_aftersales, test_performance, test_tour, test_translations
