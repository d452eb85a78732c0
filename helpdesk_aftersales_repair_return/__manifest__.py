{
    "name": "Helpdesk After-Sales: Repairs of Returns",
    "version": "18.0.1.0.0",
    "summary": "Repair the products a customer returned from the same helpdesk ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales_repair", "helpdesk_aftersales_return"],
    "data": ["views/helpdesk_ticket_views.xml"],
    "demo": ["demo/helpdesk_aftersales_repair_return_demo.xml"],
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_repair", "helpdesk_stock"],
    "installable": True,
    "auto_install": True,
}
