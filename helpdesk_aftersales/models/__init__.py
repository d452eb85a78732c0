from . import helpdesk_aftersales_document_mixin
from . import helpdesk_aftersales_wizard_mixin
from . import helpdesk_team
from . import helpdesk_ticket
