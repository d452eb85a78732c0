from . import helpdesk_create_fsm_task
