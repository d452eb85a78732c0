from . import helpdesk_ticket, ir_module_module
