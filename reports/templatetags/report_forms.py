from django import template

register = template.Library()


@register.filter
def dict_get(mapping, key):
    """{{ totals|dict_get:column.key }}"""
    return mapping.get(key) if isinstance(mapping, dict) else None
