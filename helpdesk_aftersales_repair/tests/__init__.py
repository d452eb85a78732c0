from . import test_helpdesk_repair
from . import test_translations
