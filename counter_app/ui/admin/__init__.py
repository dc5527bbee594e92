"""Quản trị (F7): the administration page, one module per tab (admin_page.AdminPage)."""
