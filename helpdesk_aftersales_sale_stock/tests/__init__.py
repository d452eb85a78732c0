from . import test_ticket_lot
from . import test_warranty
