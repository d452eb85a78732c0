from . import (
    helpdesk_aftersales_company_mixin,
    helpdesk_aftersales_document_mixin,
    helpdesk_aftersales_wizard_mixin,
    helpdesk_team,
    helpdesk_team_notify,
    helpdesk_ticket,
    ir_ui_view,
)
