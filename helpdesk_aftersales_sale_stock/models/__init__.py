from . import helpdesk_ticket, product_template
