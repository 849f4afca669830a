"""Wagtail hooks of the project: the staff accounts' second factor in the admin."""

from wagtail import hooks

from .accounts.notices import register_actions as register_second_factor_actions
from .accounts.two_factor import recovery_codes_menu_item

hooks.register("register_log_actions", register_second_factor_actions)
hooks.register("register_account_menu_item", recovery_codes_menu_item)
