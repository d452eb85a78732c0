from odoo.tools.safe_eval import safe_eval


def offered(dialog, field_name="move_ids"):
    """The records the Refund dialog (an ``odoo.tests.Form``) offers in
    ``field_name``, as the web client finds them: the field's domain in the
    view (else the field's own), evaluated on the dialog's current values and
    searched as the dialog's user."""
    model = dialog._env[dialog._record._name]
    field = model._fields[field_name]
    nodes = dialog._view["tree"].xpath(f"//field[@name='{field_name}']")
    domain = (nodes and nodes[0].get("domain")) or field.domain or "[]"
    if not isinstance(domain, str):
        domain = repr(domain)
    return dialog._env[field.comodel_name].search(safe_eval(domain, dialog._get_eval_context()))
