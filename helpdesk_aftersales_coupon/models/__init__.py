from . import helpdesk_ticket
from . import loyalty_card
