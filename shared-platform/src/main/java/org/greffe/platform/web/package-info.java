/** What the modules' web layers share: refusals worded in the reader's language. */
package org.greffe.platform.web;
