"""Meeting slides as plain data: built once per deck, laid out by the screen, the PDF and the PowerPoint."""
