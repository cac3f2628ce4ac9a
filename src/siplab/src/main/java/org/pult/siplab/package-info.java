/** Test support for real SIP calls: a registrar on loopback, tones, recordings and their analysis. */
package org.pult.siplab;
