from . import test_helpdesk_aftersales
