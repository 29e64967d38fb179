<?xml version="1.0" encoding="UTF-8"?>
<!--
  Compiles an ISO Schematron schema with queryBinding="xslt2" (the Peppol BIS Billing 3.0 rules)
  into an XSLT 2 stylesheet that reports SVRL, run by Saxon-HE (Debian libsaxonhe-java).
  It reuses the ISO Schematron skeleton that Debian's python3-lxml ships, whose own entry point
  only accepts XSLT 1 bindings: this override emits version 2.0, and allow-foreign=true carries the
  schema's xsl:function definitions (u:gln, u:mod11 …) into the result.
-->
<xsl:stylesheet version="2.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:axsl="http://www.w3.org/1999/XSL/TransformAlias"
  xmlns:iso="http://purl.oclc.org/dsdl/schematron">
  <xsl:import href="file:///usr/lib/python3/dist-packages/lxml/isoschematron/resources/xsl/iso-schematron-xslt1/iso_svrl_for_xslt1.xsl"/>
  <xsl:param name="allow-foreign">true</xsl:param>
  <xsl:template match="iso:schema[@queryBinding='xslt2']" priority="20">
    <axsl:stylesheet>
      <xsl:apply-templates select="iso:ns"/>
      <xsl:attribute name="version">2.0</xsl:attribute>
      <xsl:apply-templates select="." mode="stylesheetbody"/>
    </axsl:stylesheet>
  </xsl:template>
</xsl:stylesheet>
