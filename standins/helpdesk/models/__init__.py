from . import helpdesk_stage, helpdesk_team, helpdesk_ticket
