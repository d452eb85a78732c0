from . import helpdesk_ticket, loyalty_card
