from . import test_helpdesk_aftersales, test_translations
