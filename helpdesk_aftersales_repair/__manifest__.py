{
    "name": "Helpdesk After-Sales: Repairs",
    "version": "18.0.1.0.0",
    "summary": "Send products to repair from a helpdesk ticket",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales", "repair"],
    "data": [],
    "installable": True,
}
