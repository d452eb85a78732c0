"""What the suite's migration scripts (``<module>/migrations/<version>/``) share
when a database of an older version is upgraded (``-u``): a field that moved
from one module to another, a new glue module to install.

Odoo itself handles neither:

* a field whose module no longer defines it is deleted at the end of the
  upgrade, with its column and the data in it, even when another module
  defines it now (unless that module happens to be installed in the same run);
* a new module with ``auto_install`` is installed only when one of its
  dependencies is being installed, not when they were all installed before
  the module existed (``ir.module.module.button_install``).
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

# A module in one of these states is (being) installed during an upgrade.
INSTALL_STATES = ("installed", "to upgrade", "to install")


def module_states(cr, names):
    """``{name: state}`` of the modules ``names`` known to the database."""
    cr.execute("SELECT name, state FROM ir_module_module WHERE name IN %s", (tuple(names),))
    return dict(cr.fetchall())


def install_modules(cr, names, requires):
    """Mark the modules ``names`` (and their dependencies) to be installed in
    this run when every module of ``requires`` is installed or being installed:
    Odoo loads them after the modules being upgraded (``load_modules`` loops on
    the modules "to install"). Returns False when a module of ``requires`` is
    not there."""
    states = module_states(cr, [*names, *requires])
    if any(states.get(name) not in INSTALL_STATES for name in requires):
        return False
    env = api.Environment(cr, SUPERUSER_ID, {})
    modules = env["ir.module.module"].search(
        [("name", "in", list(names)), ("state", "=", "uninstalled")]
    )
    if modules:
        _logger.info("installing %s (new in this version)", ", ".join(modules.mapped("name")))
        modules.button_install()
    return True


def move_fields(cr, model, fields, old_module, new_module):
    """Give the fields ``fields`` of ``model`` (and their selection values and
    foreign keys) to ``new_module``, as ``openupgradelib.update_module_moved_fields``
    does: the upgrade of ``old_module`` then no longer deletes them, and
    ``new_module`` finds them (and their columns, with their data) when it is
    installed."""
    params = {
        "model": model,
        "fields": tuple(fields),
        "old": old_module,
        "new": new_module,
    }
    moved = _move_field_xmlids(cr, params)
    _move_selection_xmlids(cr, params)
    _move_foreign_keys(cr, params)
    if moved:
        _logger.info(
            "%s: fields %s moved from %s to %s", model, ", ".join(fields), old_module, new_module
        )
    return moved


def _move_field_xmlids(cr, params):
    """The fields' XML ids change module; returns how many did."""
    cr.execute(
        """
        UPDATE ir_model_data d
           SET module = %(new)s
          FROM ir_model_fields f
         WHERE d.model = 'ir.model.fields' AND d.res_id = f.id AND d.module = %(old)s
           AND f.model = %(model)s AND f.name IN %(fields)s
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data o WHERE o.module = %(new)s AND o.name = d.name
           )
        """,
        params,
    )
    return cr.rowcount


def _move_selection_xmlids(cr, params):
    """The XML ids of the fields' selection values change module."""
    cr.execute(
        """
        UPDATE ir_model_data d
           SET module = %(new)s
          FROM ir_model_fields_selection s
          JOIN ir_model_fields f ON f.id = s.field_id
         WHERE d.model = 'ir.model.fields.selection' AND d.res_id = s.id AND d.module = %(old)s
           AND f.model = %(model)s AND f.name IN %(fields)s
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_data o WHERE o.module = %(new)s AND o.name = d.name
           )
        """,
        params,
    )


def _move_foreign_keys(cr, params):
    """The fields' foreign key constraints change module (Odoo names them
    ``<table>_<field>_fkey``)."""
    table = params["model"].replace(".", "_")
    constraints = tuple(f"{table}_{name}_fkey" for name in params["fields"])
    cr.execute(
        """
        UPDATE ir_model_constraint c
           SET module = (SELECT id FROM ir_module_module WHERE name = %(new)s)
         WHERE c.type = 'f' AND c.name IN %(constraints)s
           AND c.module = (SELECT id FROM ir_module_module WHERE name = %(old)s)
           AND NOT EXISTS (
               SELECT 1 FROM ir_model_constraint o
                 JOIN ir_module_module m ON m.id = o.module
                WHERE o.name = c.name AND m.name = %(new)s
           )
        """,
        dict(params, constraints=constraints),
    )
