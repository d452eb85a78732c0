{
    "name": "Helpdesk After-Sales: Refunds of Unrepairable Products",
    "version": "18.0.1.0.0",
    "summary": "Refund the customer from the ticket when the product cannot be repaired",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales_repair", "helpdesk_aftersales_refund"],
    "data": ["views/helpdesk_ticket_views.xml"],
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_repair", "helpdesk_account"],
    "installable": True,
    "auto_install": True,
}
