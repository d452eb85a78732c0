from . import test_refund, test_translations
from . import test_performance
from . import test_access
from . import test_rpc
from . import test_tour
