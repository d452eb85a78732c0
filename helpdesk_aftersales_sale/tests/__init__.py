from . import test_ticket_sale
