from . import test_ticket_lot
