from . import test_helpdesk_aftersales
from . import test_translations
