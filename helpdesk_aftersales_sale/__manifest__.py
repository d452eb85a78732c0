{
    "name": "Helpdesk After-Sales: Sales",
    "version": "18.0.1.1.0",
    "summary": "Sales order and product on helpdesk tickets",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales", "sale"],
    "data": ["views/helpdesk_ticket_views.xml"],
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_sale"],
    "installable": True,
}
