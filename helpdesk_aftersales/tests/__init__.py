from . import test_helpdesk_aftersales, test_tour, test_translations
