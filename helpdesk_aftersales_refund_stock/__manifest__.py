{
    "name": "Helpdesk After-Sales: Refunds by Lot/Serial Number",
    "version": "18.0.1.0.0",
    "summary": "Narrow the invoices to refund from a ticket by lot/serial number",
    "category": "Services/Helpdesk",
    "license": "LGPL-3",
    "author": "Helpdesk After-Sales developers",
    "maintainers": ["helpdesk-aftersales"],
    "website": "https://github.com/helpdesk-aftersales/helpdesk-aftersales",
    "depends": ["helpdesk_aftersales_refund", "helpdesk_aftersales_sale_stock"],
    "data": ["wizard/account_move_reversal_views.xml"],
    "demo": ["demo/helpdesk_aftersales_refund_stock_demo.xml"],
    # Odoo Enterprise's counterpart of this module: this is its Community
    # implementation; Odoo refuses to install both (the base excludes them all).
    "excludes": ["helpdesk_account", "helpdesk_stock_account"],
    "installable": True,
    "auto_install": True,
}
